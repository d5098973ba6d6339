/** Small text-scanning building blocks shared by the company finder and the event cues. */
@NullMarked
package dev.bellwether.core.text;

import org.jspecify.annotations.NullMarked;
