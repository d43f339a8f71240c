package org.alaraaudit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.alaraaudit.audit.aggregate.DoseSample;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The exact quantiles of every dose sample of the period (DRL groups, protocols, typical values), found where the
 * values are: each sample's values are sorted within one partition (Spark's external sort, which spills), and only
 * the order statistics the quantiles read come to the driver, a dozen per sample. The quantiles are then
 * interpolated by {@link DoseSample#reported}, the formula every sample of the single-machine audit uses, so both
 * ways give the same doubles: no approximate percentile anywhere.
 */
final class OrderStatistics implements DoseSample.Elsewhere {
    /** An order statistic of a sample: its 0-based rank among the sample's values, and the value. */
    record Picked(String sample, long rank, double value) implements Serializable {}

    private final Map<String, double[]> quantiles;

    private OrderStatistics(Map<String, double[]> quantiles) { this.quantiles = quantiles; }

    /** {@code values}: (sample, value), every value of every sample. */
    static OrderStatistics of(JavaSparkContext spark, JavaPairRDD<String, Double> values, int partitions) {
        Broadcast<HashMap<String, Long>> sizes = spark.broadcast(new HashMap<>(values.countByKey()));
        List<Picked> picked = values.mapToPair(v -> new Tuple2<>(v, Boolean.TRUE))
                .repartitionAndSortWithinPartitions(new BySample(partitions), new ValueOrder())
                .mapPartitions(sorted -> pick(sorted, sizes.value()))
                .collect();
        Map<String, Map<Long, Double>> ranked = new HashMap<>();
        for (Picked p : picked) ranked.computeIfAbsent(p.sample(), k -> new HashMap<>()).put(p.rank(), p.value());
        Map<String, double[]> quantiles = new HashMap<>();
        sizes.value().forEach((sample, n) -> {
            Map<Long, Double> at = ranked.get(sample);
            quantiles.put(sample, DoseSample.reported(n, k -> at.get(k)));
        });
        sizes.destroy();
        return new OrderStatistics(quantiles);
    }

    /** One partition's values, sorted by sample then value: the values at the ranks the sample's quantiles read. */
    private static Iterator<Picked> pick(Iterator<Tuple2<Tuple2<String, Double>, Boolean>> sorted, Map<String, Long> sizes) {
        List<Picked> out = new ArrayList<>();
        String sample = null;
        long rank = 0;
        long[] wanted = null;
        int next = 0;
        while (sorted.hasNext()) {
            Tuple2<String, Double> v = sorted.next()._1();
            if (!v._1().equals(sample)) {
                sample = v._1();
                rank = 0;
                wanted = DoseSample.neededRanks(sizes.get(sample));
                next = 0;
            }
            while (next < wanted.length && wanted[next] == rank) {
                out.add(new Picked(sample, rank, v._2()));
                next++;
            }
            rank++;
        }
        return out.iterator();
    }

    @Override
    public void add(String sample, double value) { throw new IllegalStateException("the period's values are all in"); }

    @Override
    public double[] quantiles(String sample) {
        double[] q = quantiles.get(sample);
        if (q == null) throw new IllegalStateException("no values reached Spark for the dose sample " + sample);
        return q;
    }

    /** All values of one sample in one partition. */
    private static final class BySample extends Partitioner {
        private final int partitions;

        BySample(int partitions) { this.partitions = partitions; }

        @Override
        public int numPartitions() { return partitions; }

        @Override
        @SuppressWarnings("unchecked")
        public int getPartition(Object key) { return Math.floorMod(((Tuple2<String, Double>) key)._1().hashCode(), partitions); }
    }

    /** By sample, then value in Java's order of doubles, the order DoseSample's sort and selection use. */
    private static final class ValueOrder implements Comparator<Tuple2<String, Double>>, Serializable {
        @Override
        public int compare(Tuple2<String, Double> a, Tuple2<String, Double> b) {
            int c = a._1().compareTo(b._1());
            return c != 0 ? c : Double.compare(a._2(), b._2());
        }
    }
}
