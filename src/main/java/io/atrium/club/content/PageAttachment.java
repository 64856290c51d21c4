package io.atrium.club.content;

import org.springframework.modulith.NamedInterface;

/**
 * A file a producer attached to a page for students to download (any kind of page; a file
 * page's own file is {@link PageFile}).
 *
 * @param id the internal id, part of the download address
 * @param fileName the name it was uploaded with
 * @param contentType its media type as uploaded
 * @param size its size in bytes
 */
@NamedInterface("content")
public record PageAttachment(long id, String fileName, String contentType, long size) {
}
