/**
 * Demo data: on the first start with an empty database (unless {@code ATRIUM_DEMO=false})
 * a demo producer with its catalog, purchases, members area and subscribers, a platform
 * admin and a few students, through the other modules' public interfaces. Nothing depends
 * on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.atrium.demo;
