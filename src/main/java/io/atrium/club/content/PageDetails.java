package io.atrium.club.content;

import org.springframework.modulith.NamedInterface;

/**
 * What a producer states about a page.
 *
 * @param name 1 to 100 characters
 * @param kind what it holds
 * @param body the text, at most 20000 characters
 * @param mediaUrl for a video or link page, a full http(s) address; ignored otherwise
 * @param published whether students see it
 */
@NamedInterface("content")
public record PageDetails(String name, PageKind kind, String body, String mediaUrl, boolean published) {
}
