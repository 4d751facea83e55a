/** The one name of Grails that classic SmartApps write: {@code map as JSON}. */
package grails.converters;
