-- Resolutions are fixed once their meeting's minutes are confirmed: their content cannot change
-- and they cannot be deleted (a correction is a new row). Deletes cascading from a meeting or a
-- tambon, and foreign keys set to null by the database, are let through.
CREATE OR REPLACE FUNCTION resolutions_immutable() RETURNS trigger AS $$
BEGIN
  IF pg_trigger_depth() > 1 THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF EXISTS (
    SELECT 1 FROM meetings m WHERE m.id = OLD.meeting_id AND m.minutes_confirmed_at IS NOT NULL
  ) THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'resolution % belongs to confirmed minutes and cannot be deleted', OLD.id
        USING ERRCODE = 'check_violation';
    END IF;
    IF (NEW.meeting_id, NEW.number, NEW.text_th, NEW.text_en, NEW.method, NEW.votes_for,
        NEW.votes_against, NEW.votes_abstain, NEW.outcome, NEW.quorum_met, NEW.quorum::text,
        NEW.corrects_id, NEW.correction_reason, NEW.tambon_id)
       IS DISTINCT FROM
       (OLD.meeting_id, OLD.number, OLD.text_th, OLD.text_en, OLD.method, OLD.votes_for,
        OLD.votes_against, OLD.votes_abstain, OLD.outcome, OLD.quorum_met, OLD.quorum::text,
        OLD.corrects_id, OLD.correction_reason, OLD.tambon_id) THEN
      RAISE EXCEPTION 'resolution % belongs to confirmed minutes and cannot be changed', OLD.id
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN COALESCE(NEW, OLD);
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER resolutions_immutable BEFORE UPDATE OR DELETE ON resolutions
  FOR EACH ROW EXECUTE FUNCTION resolutions_immutable();
--> statement-breakpoint
-- Confirmed minutes stay confirmed.
CREATE OR REPLACE FUNCTION meetings_stay_confirmed() RETURNS trigger AS $$
BEGIN
  IF OLD.minutes_confirmed_at IS NOT NULL AND NEW.minutes_confirmed_at IS DISTINCT FROM OLD.minutes_confirmed_at THEN
    RAISE EXCEPTION 'the minutes of meeting % are confirmed', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER meetings_stay_confirmed BEFORE UPDATE ON meetings
  FOR EACH ROW EXECUTE FUNCTION meetings_stay_confirmed();
