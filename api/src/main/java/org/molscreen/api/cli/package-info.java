/**
 * The {@code molscreen} command line (picocli): one class per verb, registered in {@code Main}. Verbs parse
 * options and call plain services of the modules below; they hold no chemistry of their own.
 */
package org.molscreen.api.cli;
