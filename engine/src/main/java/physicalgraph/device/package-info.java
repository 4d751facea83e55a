/** The one name of the classic platform's hub API that classic web-services apps construct. */
package physicalgraph.device;
