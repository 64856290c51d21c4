/**
 * Tiny value types every module may use. Nothing else belongs here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.atrium.shared;
