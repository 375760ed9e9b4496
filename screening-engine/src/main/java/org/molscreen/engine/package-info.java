/**
 * screening-engine: models and scoring with Deeplearning4j/ND4J (training, evaluation, model files,
 * batch scoring, ranking). Knows chem-core; knows nothing of Ignite or HTTP.
 */
package org.molscreen.engine;
