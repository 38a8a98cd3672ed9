import type { Db } from '../db/run-query.js';
import type { MeetingModel } from './models.js';
import { project } from './projections.js';

export const FIND_MEETING_BY_ID = `MATCH (m:Meeting {id: $id}) RETURN ${project('Meeting', 'm')} AS meeting`;

export async function findMeetingById(db: Db, id: string): Promise<MeetingModel | null> {
  const [row] = await db.read(FIND_MEETING_BY_ID, { id });
  return (row?.meeting as MeetingModel | undefined) ?? null;
}
