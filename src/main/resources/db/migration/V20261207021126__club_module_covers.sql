-- A module's cover image: a media image reference ("key.extension"), null without one.
ALTER TABLE club_modules ADD COLUMN cover_image VARCHAR(40);
