/**
 * The producer's members area and its content: the area (subdomain, name), the products
 * it holds with their default group, modules, pages and page files ({@link ClubContent}).
 */
package io.atrium.club.content;
