package io.relata.cli;

import io.relata.app.Workspace;
import io.relata.app.audit.AuditTrail;
import io.relata.server.RelataServer;
import io.relata.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code relata serve}: the HTTP API over a store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the REST API (and the web application) over a store. Configuration comes from --config "
                + "(a properties file: host, port, db, secureCookies, maxJsonBytes, maxUploadBytes, uploadDir), then RELATA_* "
                + "environment variables, then these options. Every access is authenticated, authorized and audited; "
                + "the first administrator is created with 'relata users add NAME --role ADMIN --password-stdin'.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with the server's settings.")
    Path configFile;

    @Option(names = "--port", description = "The port (default: 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", description = "The address to listen on (default: 127.0.0.1).")
    String host;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = ServerConfig.load(configFile, System.getenv());
        if (port != null) config = config.withPort(port);
        if (host != null) config = config.withHost(host);
        if (store.db != null) config = config.withDb(store.db);
        store.db = config.db(); // the audit key's default place follows the store, wherever it was named
        try (Workspace ws = Workspace.open(config.db())) {
            AuditTrail audit = store.auditTrail(ws);
            try (RelataServer server = new RelataServer(config, ws, audit, Clock.systemUTC())) {
                int p = server.start();
                System.out.printf("Relata serves %s on http://%s:%d/ (API description: /openapi.json)%n",
                        ws.store().describe(), config.host(), p);
                if (ws.store().users().list().isEmpty()) {
                    System.out.println("No users yet: create the first administrator with "
                            + "'relata users add NAME --role ADMIN --password-stdin" + (store.db == null ? "" : " --db " + store.db) + "'");
                }
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            }
        }
        return 0;
    }
}
