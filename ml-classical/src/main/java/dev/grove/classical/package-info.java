/** The classical family's plugin, which registers its components with the Grove runtime. */
package dev.grove.classical;
