package org.dialoog.session.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.dialoog.conventions.domain.DomainException;
import org.dialoog.session.Attendance;
import org.dialoog.session.KnownParticipant;
import org.dialoog.session.Session;
import org.dialoog.session.SessionStatus;

/** Who was at a session: recorded once it has started, and carried by SessionCompleted. */
@ApplicationScoped
@Transactional
public class AttendanceService {

    /** One line of the attendance list. */
    public record Mark(UUID participantId, boolean present) {}

    private final EngagementAccess access;

    AttendanceService(EngagementAccess access) {
        this.access = access;
    }

    /** Records (or corrects) attendance; every participant must belong to the session's engagement. */
    public List<Attendance> record(UUID sessionId, List<Mark> marks) {
        Session s = access.writable(sessionId);
        if (s.status != SessionStatus.PLANNED) {
            throw DomainException.conflict("Session " + sessionId + " is " + s.status
                    + "; attendance is recorded while it is PLANNED, before it is completed.");
        }
        if (s.startsAt.isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw DomainException.conflict(
                    "Session " + sessionId + " starts at " + s.startsAt + "; attendance is recorded once it started.");
        }
        List<DomainException.FieldError> errors = new ArrayList<>();
        List<KnownParticipant> participants = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            KnownParticipant p = KnownParticipant.findById(marks.get(i).participantId());
            if (p == null || !p.engagementId.equals(s.engagementId)) {
                errors.add(new DomainException.FieldError(
                        "[" + i + "].participantId",
                        "no participant " + marks.get(i).participantId()
                                + " of this session's engagement is known here"));
            }
            participants.add(p);
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < marks.size(); i++) {
            KnownParticipant p = participants.get(i);
            Attendance a = Attendance.<Attendance>find("sessionId = ?1 and participantId = ?2", s.id, p.id)
                    .firstResult();
            if (a == null) {
                a = new Attendance();
                a.id = UUID.randomUUID();
                a.sessionId = s.id;
                a.participantId = p.id;
                a.partyId = p.partyId;
                a.present = marks.get(i).present();
                a.recordedAt = now;
                a.persist();
            } else {
                a.present = marks.get(i).present();
                a.recordedAt = now;
            }
        }
        Attendance.flush();
        return list(sessionId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Attendance> list(UUID sessionId) {
        access.readable(sessionId);
        return Attendance.list("sessionId", Sort.ascending("participantId"), sessionId);
    }
}
