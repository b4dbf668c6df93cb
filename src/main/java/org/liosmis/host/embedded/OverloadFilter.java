package org.liosmis.host.embedded;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** Answers 503 to requests the {@link WorkerPool} had no room for, before any other work. */
final class OverloadFilter extends Filter {

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (WorkerPool.onOverflowThread()) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "answers 503 when every worker is busy";
    }
}
