/** The bundled demo: AI-industry feeds served from a loopback HTTP server. */
@NullMarked
package dev.bellwether.app.demo;

import org.jspecify.annotations.NullMarked;
