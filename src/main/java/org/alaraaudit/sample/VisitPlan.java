package org.alaraaudit.sample;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.PriorityQueue;

/**
 * Visits planned ahead: repeats within 48 h and the follow-ups of frequent patients, taken in due order as the
 * studies reach them. At most {@value #CAPACITY} wait, so memory stays bounded; a visit planned past the period's end
 * or when the plan is full is dropped. Draws no random numbers: the visits' values are drawn when they are planned.
 */
final class VisitPlan {

    static final int CAPACITY = 20000;

    enum VisitKind { REPEAT, FOLLOW_UP }

    /** A frequent patient's course: what the follow-ups are and why. */
    enum Program {
        PED_ONCOLOGY(8, 16, new String[] {"lymphoma, response assessment", "neuroblastoma follow-up",
            "sarcoma restaging", "fever in neutropenia, focus?"}),
        PED_SHUNT(1, 12, new String[] {"VP shunt malfunction?", "hydrocephalus, shunt check", "headache, shunt?"}),
        PED_CROHN(10, 17, new String[] {"Crohn disease flare", "abscess follow-up", "fistula?"}),
        ADULT_ONCOLOGY(40, 78, new String[] {"oncology restaging", "response assessment", "new pain, metastasis?"});

        final int minAge;
        final int maxAge;
        final String[] indications;

        Program(int minAge, int maxAge, String[] indications) {
            this.minAge = minAge;
            this.maxAge = maxAge;
            this.indications = indications;
        }
    }

    static final class Visit implements Comparable<Visit> {
        final LocalDateTime due;
        final LocalDateTime deadline;
        final long seq;
        final VisitKind kind;
        final Patient patient;
        final int facility;
        final Exam exam;
        final Program program;

        Visit(LocalDateTime due, LocalDateTime deadline, long seq, VisitKind kind, Patient patient, int facility,
              Exam exam, Program program) {
            this.due = due;
            this.deadline = deadline;
            this.seq = seq;
            this.kind = kind;
            this.patient = patient;
            this.facility = facility;
            this.exam = exam;
            this.program = program;
        }

        @Override
        public int compareTo(Visit o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final LocalDateTime end;
    private final PriorityQueue<Visit> queue = new PriorityQueue<>();
    private long visitSeq;
    private int queuePeak;

    VisitPlan(LocalDateTime end) {
        this.end = end;
    }

    int queuePeak() {
        return queuePeak;
    }

    void plan(LocalDateTime due, LocalDateTime deadline, VisitKind kind, Patient p, int facility, Exam exam,
              Program program) {
        if (queue.size() >= CAPACITY || due.isAfter(end)) {
            return;
        }
        queue.add(new Visit(due, deadline, visitSeq++, kind, p, facility, exam, program));
        queuePeak = Math.max(queuePeak, queue.size());
    }

    /**
     * The visit due at time t, or null. Visits past their deadline are dropped; a follow-up of a patient seen in the
     * last 60 h moves to 72 h after that study.
     */
    Visit due(LocalDateTime t) {
        while (!queue.isEmpty() && !queue.peek().due.isAfter(t)) {
            Visit v = queue.poll();
            if (t.isAfter(v.deadline)) {
                continue;
            }
            if (v.kind == VisitKind.FOLLOW_UP && v.patient.last != null
                    && ChronoUnit.HOURS.between(v.patient.last, t) < 60) {
                plan(v.patient.last.plusHours(72), v.deadline.plusHours(72), v.kind, v.patient, v.facility, v.exam,
                        v.program);
                continue;
            }
            return v;
        }
        return null;
    }
}
