/**
 * Training fingerprint network ensembles with Deeplearning4j: masked multitask loss, positive-class
 * weighting, early stopping, regression scale folded into the saved network. Trainers are not thread-safe.
 */
package org.molscreen.engine.train;
