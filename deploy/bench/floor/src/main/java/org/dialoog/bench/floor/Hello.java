package org.dialoog.bench.floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** One endpoint, so the REST layer starts as it does in the services. */
@Path("/hello")
public class Hello {

    @GET
    public String hello() {
        return "hallo";
    }
}
