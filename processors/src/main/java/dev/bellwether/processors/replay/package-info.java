/** Running the processors' topology offline over given articles, to see the alerts it gives. */
@NullMarked
package dev.bellwether.processors.replay;

import org.jspecify.annotations.NullMarked;
