package dev.rondo.client.internal;

import dev.rondo.client.UpgradeOptions;
import dev.rondo.client.UpgradeReport;
import dev.rondo.core.AstCodec;
import dev.rondo.core.CheckpointUpgrade;
import dev.rondo.core.RondoException;
import dev.rondo.core.ast.Program;
import dev.rondo.store.OperatorLog;
import dev.rondo.store.Transactions;
import dev.rondo.store.UpgradeDao;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Moves the waiting, paused and failed executions of a workflow's older versions onto its head
 * (docs/operations.md): reads them in batches, maps each checkpoint with {@link CheckpointUpgrade}
 * (once per old version, the analysis of both programs), and moves each in a transaction of its own that
 * locks it as a slice does and maps the checkpoint as it is under the lock, recorded as
 * {@code operator.upgrade}.
 */
public final class Upgrader {

    private final DataSource dataSource;
    private final String operator;
    private final Map<String, Optional<CheckpointUpgrade>> mappers = new HashMap<>();

    public Upgrader(DataSource dataSource, String operator) {
        this.dataSource = dataSource;
        this.operator = operator;
    }

    public UpgradeReport upgrade(String workflow, UpgradeOptions options) {
        UpgradeDao.Head head = Transactions.autocommit(dataSource, c -> new UpgradeDao(c).head(workflow))
                .orElseThrow(() -> new RondoException.UnknownWorkflow(workflow));
        Program to = AstCodec.fromJson(head.ast());
        List<UpgradeReport.Entry> entries = new ArrayList<>();
        long[] counts = new long[UpgradeReport.Outcome.values().length];
        String after = null;
        while (true) {
            String last = after;
            List<UpgradeDao.Candidate> batch = Transactions.autocommit(dataSource, c -> new UpgradeDao(c)
                    .candidates(workflow, head.hash(), options.fromHash(), last, options.batchSize()));
            if (batch.isEmpty()) {
                break;
            }
            for (UpgradeDao.Candidate candidate : batch) {
                UpgradeReport.Entry entry = one(workflow, head, to, candidate, options.dryRun());
                entries.add(entry);
                counts[entry.outcome().ordinal()]++;
            }
            after = batch.getLast().id();
            if (options.onProgress() != null) {
                options.onProgress().accept(new UpgradeReport.Progress(entries.size(),
                        counts[UpgradeReport.Outcome.MOVED.ordinal()], counts[UpgradeReport.Outcome.REFUSED.ordinal()],
                        counts[UpgradeReport.Outcome.SKIPPED.ordinal()]));
            }
        }
        return new UpgradeReport(workflow, head.hash(), options.dryRun(), entries);
    }

    private UpgradeReport.Entry one(String workflow, UpgradeDao.Head head, Program to, UpgradeDao.Candidate c,
                                    boolean dryRun) {
        Optional<CheckpointUpgrade> mapper = mapper(workflow, c.hash(), to);
        if (mapper.isEmpty()) {
            return new UpgradeReport.Entry(c.id(), c.hash(), c.status(), UpgradeReport.Outcome.REFUSED, null, null,
                    "version " + c.hash() + " of " + workflow + " cannot be read (not deployed, or compiled by a Rondo this one does not read)");
        }
        CheckpointUpgrade.Result planned = mapper.get().map(c.state());
        if (!planned.moved() || dryRun) {
            return entry(c, c.status(), planned);
        }
        return Transactions.retrying(dataSource, connection -> {
            UpgradeDao dao = new UpgradeDao(connection);
            Optional<UpgradeDao.Locked> locked = dao.lock(c.id());
            if (locked.isEmpty()) {
                return skipped(c, c.status(), "it no longer exists");
            }
            UpgradeDao.Locked now = locked.get();
            if (!UpgradeDao.MOVABLE.contains(now.status())) {
                return skipped(c, now.status(), "it became " + now.status() + " meanwhile");
            }
            if (!now.hash().equals(c.hash())) {
                return skipped(c, now.status(), now.hash().equals(head.hash()) ? "it is on the current version already"
                        : "it moved to version " + now.hash() + " meanwhile");
            }
            String state = dao.checkpoint(c.id());
            if (state == null) {
                return skipped(c, now.status(), "it has no checkpoint any more");
            }
            // A slice may have committed since the batch was read: map the checkpoint as it is now.
            CheckpointUpgrade.Result result = state.equals(c.state()) ? planned : mapper.get().map(state);
            if (!result.moved()) {
                return entry(c, now.status(), result);
            }
            dao.move(c.id(), head.hash(), result.checkpoint(), result.waitingAt());
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("fromHash", c.hash());
            facts.put("toHash", head.hash());
            facts.put("from", result.from());
            facts.put("to", result.to());
            new OperatorLog(connection).record(c.id(), "upgrade", operator, facts);
            return entry(c, now.status(), result);
        });
    }

    private static UpgradeReport.Entry entry(UpgradeDao.Candidate c, String status, CheckpointUpgrade.Result r) {
        return new UpgradeReport.Entry(c.id(), c.hash(), status,
                r.moved() ? UpgradeReport.Outcome.MOVED : UpgradeReport.Outcome.REFUSED, r.from(), r.to(), r.reason());
    }

    private static UpgradeReport.Entry skipped(UpgradeDao.Candidate c, String status, String why) {
        return new UpgradeReport.Entry(c.id(), c.hash(), status, UpgradeReport.Outcome.SKIPPED, null, null, why);
    }

    private Optional<CheckpointUpgrade> mapper(String workflow, String hash, Program to) {
        return mappers.computeIfAbsent(hash, h -> {
            Optional<String> ast = Transactions.autocommit(dataSource, c -> new UpgradeDao(c).definition(workflow, h));
            try {
                return ast.map(json -> CheckpointUpgrade.between(AstCodec.fromJson(json), to));
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        });
    }
}
