package io.atrium.club.content;

import org.springframework.modulith.NamedInterface;

/**
 * What a producer states about a module.
 *
 * @param name 1 to 100 characters
 * @param extra whether it is an extra module
 * @param published whether students see it
 */
@NamedInterface("content")
public record ModuleDetails(String name, boolean extra, boolean published) {
}
