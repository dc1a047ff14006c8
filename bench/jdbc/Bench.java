import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The IBM JDBC client of go-informix's benchmark harness (bench/, see
 * bench/protocol.go for the line protocol). It uses IBM's driver through the
 * public JDBC API only, the way an application would: one connection, a
 * PreparedStatement per statement text prepared once and reused, typed getters
 * for every column, executeBatch for inserts.
 *
 * <p>Usage: {@code java Bench JDBC_URL ROWS_TSV BATCH}. ROWS_TSV holds the rows
 * to insert (id, name, amount, ts, ratio, tab-separated; written by the
 * harness from ifxtest.BenchRow); BATCH is the number of rows per
 * executeBatch. Commands arrive on standard input, one a line; each gets one
 * line on standard output.
 */
public final class Bench {
    private final String url;
    private final Connection conn;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final int batch;
    private final String rowsFile;
    private Rows rows;

    /** Consumes every value read, so that no getter call can be optimised away. */
    static volatile long sink;

    private Bench(String url, String rowsFile, int batch) throws SQLException {
        this.url = url;
        this.rowsFile = rowsFile;
        this.batch = batch;
        this.conn = DriverManager.getConnection(url);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Bench JDBC_URL ROWS_TSV BATCH");
            System.exit(64);
        }
        Bench b = new Bench(args[0], args[1], Integer.parseInt(args[2]));
        DatabaseMetaData md = b.conn.getMetaData();
        System.out.println("info driver " + md.getDriverName() + " " + md.getDriverVersion());
        System.out.println("info runtime " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + ", GC " + gcNames()
                + ", " + Runtime.getRuntime().availableProcessors() + " processor(s)");
        System.out.println("ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
            System.out.println(b.answer(line));
            System.out.flush();
        }
        b.conn.close();
    }

    private static String gcNames() {
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        return String.join(" + ", names);
    }

    /** Runs one "run WORKLOAD N [SQL]" line and returns the reply line. */
    private String answer(String line) {
        String[] f = line.split(" ", 4);
        if (f.length < 3 || !f[0].equals("run")) {
            return "error Bench: not a run command: " + line;
        }
        try {
            int n = Integer.parseInt(f[2]);
            String sql = f.length > 3 ? f[3] : "";
            return "result " + f[1] + " " + run(f[1], n, sql);
        } catch (Exception e) {
            return "error " + String.valueOf(e).replace('\n', ' ');
        }
    }

    /** Returns "COUNT CHECKSUM ELAPSED_NS [SAMPLES]" for n of the workload. */
    private String run(String workload, int n, String sql) throws Exception {
        switch (workload) {
            case "fetch_rows": return fetch(n, sql, Bench::readRows);
            case "fetch_wide": return fetch(n, sql, Bench::readWide);
            case "fetch_lob": return fetch(n, sql, Bench::readLob);
            case "select_one": return selectOne(n, sql);
            case "insert": return insert(n, sql);
            case "connect": return connects(n);
            default: throw new IllegalArgumentException("unknown workload " + workload);
        }
    }

    /** Reads one row and returns its first column. */
    private interface RowReader {
        long read(ResultSet rs) throws SQLException;
    }

    private static long readRows(ResultSet rs) throws SQLException {
        int id = rs.getInt(1);
        String name = rs.getString(2);
        BigDecimal amount = rs.getBigDecimal(3);
        Timestamp ts = rs.getTimestamp(4);
        double ratio = rs.getDouble(5);
        sink += name.length() + amount.scale() + ts.getTime() + (long) ratio;
        return id;
    }

    private static long readWide(ResultSet rs) throws SQLException {
        long first = rs.getInt(1);
        long s = 0;
        for (int c = 2; c <= 100; c++) {
            s += rs.getInt(c);
        }
        sink += s;
        return first;
    }

    private static long readLob(ResultSet rs) throws SQLException {
        int id = rs.getInt(1);
        sink += rs.getString(2).length();
        return id;
    }

    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = conn.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    private String fetch(int passes, String sql, RowReader reader) throws SQLException {
        PreparedStatement ps = prepared(sql);
        long rows = 0, sum = 0;
        long start = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sum += reader.read(rs);
                    rows++;
                }
            }
        }
        long elapsed = System.nanoTime() - start;
        return rows + " " + sum + " " + elapsed;
    }

    private String selectOne(int n, String sql) throws SQLException {
        PreparedStatement ps = prepared(sql);
        long[] samples = new long[n];
        long sum = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("select_one returned no row");
                }
                sum += rs.getInt(1);
            }
            samples[i] = System.nanoTime() - t0;
        }
        long elapsed = System.nanoTime() - start;
        StringBuilder b = new StringBuilder().append(n).append(' ').append(sum).append(' ').append(elapsed);
        for (long s : samples) {
            b.append(' ').append(s);
        }
        return b.toString();
    }

    /** The insert rows, parsed from the rows file before any timing. */
    private static final class Rows {
        final int[] id;
        final String[] name;
        final BigDecimal[] amount;
        final Timestamp[] ts;
        final double[] ratio;

        Rows(List<String> lines) {
            int n = lines.size();
            id = new int[n];
            name = new String[n];
            amount = new BigDecimal[n];
            ts = new Timestamp[n];
            ratio = new double[n];
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(i).split("\t", -1);
                id[i] = Integer.parseInt(f[0]);
                name[i] = f[1];
                amount[i] = new BigDecimal(f[2]);
                ts[i] = Timestamp.valueOf(f[3]);
                ratio[i] = Double.parseDouble(f[4]);
            }
        }
    }

    private String insert(int n, String sql) throws Exception {
        if (rows == null) {
            rows = new Rows(Files.readAllLines(Paths.get(rowsFile), StandardCharsets.UTF_8));
        }
        if (n > rows.id.length) {
            throw new IllegalArgumentException("insert " + n + ": the rows file has " + rows.id.length + " rows");
        }
        long affected = 0, idSum = 0;
        long start = System.nanoTime();
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < n; i++) {
                ps.setInt(1, rows.id[i]);
                ps.setString(2, rows.name[i]);
                ps.setBigDecimal(3, rows.amount[i]);
                ps.setTimestamp(4, rows.ts[i]);
                ps.setDouble(5, rows.ratio[i]);
                ps.addBatch();
                idSum += rows.id[i];
                if ((i + 1) % batch == 0 || i == n - 1) {
                    affected += sum(ps.executeBatch());
                }
            }
        }
        conn.commit();
        conn.setAutoCommit(true);
        long elapsed = System.nanoTime() - start;
        return affected + " " + idSum + " " + elapsed;
    }

    private static long sum(int[] counts) throws SQLException {
        long s = 0;
        for (int c : counts) {
            if (c < 0) {
                throw new SQLException("executeBatch reported update count " + c);
            }
            s += c;
        }
        return s;
    }

    private String connects(int n) throws SQLException {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            DriverManager.getConnection(url).close();
        }
        long elapsed = System.nanoTime() - start;
        return n + " 0 " + elapsed;
    }
}
