/**
 * Streaming library readers (SMILES, CSV/TSV, SDF V2000/V3000, optionally gzipped) that yield raw records or
 * record errors with source, line and record number, and the parser that turns a raw record into a CDK
 * molecule. Readers and parsers are not thread-safe (one per thread); the record types are immutable.
 */
package org.molscreen.chem.io;
