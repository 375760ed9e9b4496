/** 2D depiction of molecules as SVG (headless). Thread-safe. */
package org.molscreen.chem.depict;
