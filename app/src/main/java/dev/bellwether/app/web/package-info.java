/** The dashboard in the app's roles: {@code bellwether web}, and {@code run}'s dashboard. */
@NullMarked
package dev.bellwether.app.web;

import org.jspecify.annotations.NullMarked;
