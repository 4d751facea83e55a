/** From source text to a script class: compiler configuration and the annotation gate. */
package hearth.engine.compile;
