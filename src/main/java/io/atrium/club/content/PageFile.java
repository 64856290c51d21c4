package io.atrium.club.content;

/**
 * The file of a file page, for a download.
 *
 * @param fileName the name it was uploaded with
 * @param contentType its media type as uploaded
 * @param bytes its content
 */
public record PageFile(String fileName, String contentType, byte[] bytes) {
}
