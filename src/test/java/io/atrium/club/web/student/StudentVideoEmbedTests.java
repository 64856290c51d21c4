package io.atrium.club.web.student;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only YouTube and Vimeo addresses become framed players; anything else stays a link.
 */
class StudentVideoEmbedTests {

	@Test
	void youTubeAddressesBecomeThePrivacyEnhancedPlayer() {
		assertThat(VideoEmbed.of("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10"))
			.isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
		assertThat(VideoEmbed.of("https://youtu.be/dQw4w9WgXcQ"))
			.isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
		assertThat(VideoEmbed.of("https://www.youtube.com/embed/dQw4w9WgXcQ"))
			.isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
	}

	@Test
	void vimeoAddressesBecomeItsPlayer() {
		assertThat(VideoEmbed.of("https://vimeo.com/76979871")).isEqualTo("https://player.vimeo.com/video/76979871");
		assertThat(VideoEmbed.of("https://player.vimeo.com/video/76979871"))
			.isEqualTo("https://player.vimeo.com/video/76979871");
	}

	@Test
	void anythingElseIsNotFramed() {
		assertThat(VideoEmbed.of("https://videos.example.com/a.mp4")).isNull();
		assertThat(VideoEmbed.of("http://www.youtube.com/watch?v=dQw4w9WgXcQ")).isNull();
		assertThat(VideoEmbed.of("https://www.youtube.com/watch?v=<script>")).isNull();
		assertThat(VideoEmbed.of("https://evil.example/youtube.com/embed/x")).isNull();
		assertThat(VideoEmbed.of("not a url")).isNull();
		assertThat(VideoEmbed.of(null)).isNull();
	}

}
