/** Text capabilities shared by the language family and the runtime: tokenizers and text generation. */
package dev.grove.api.text;
