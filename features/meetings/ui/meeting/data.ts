import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../renderer/src/api/api';
import { useWrite } from '../../../../renderer/src/data/use-write';
import type { MeetingDetail } from '../../types';
import { meetingWhen } from './when';

/**
 * The reads and writes of the meetings list and the meeting page. A write that returns the
 * meeting puts it straight on screen (attendance changes the quorum at once) and reads the rest
 * of the 'meetings' topic again (the list's item counts, a later meeting's matters arising).
 */
const TOPICS = ['meetings', 'history'];

export const meetingsKey = (bodyId: number | null) => ['meetings', 'list', bodyId ?? 'all'];
export const meetingKey = (id: number) => ['meetings', 'meeting', id];
export const minutesKey = (meetingId: number) => ['meetings', 'minutes', meetingId];

export function useMeetings(bodyId: number | null) {
  return useQuery({ queryKey: meetingsKey(bodyId), queryFn: () => api.listMeetings(bodyId === null ? {} : { bodyId }) });
}

export function useMeeting(id: number) {
  return useQuery({ queryKey: meetingKey(id), queryFn: () => api.getMeeting({ id }), enabled: Number.isInteger(id) && id > 0 });
}

export function useMinutes(meetingId: number, enabled = true) {
  return useQuery({ queryKey: minutesKey(meetingId), queryFn: () => api.getMinutes({ meetingId }), enabled });
}

/** The meeting as a write returned it: shown at once. */
const putMeeting = (m: MeetingDetail): Array<[unknown[], unknown]> => [[meetingKey(m.meeting.id), m]];

function useMeetingWrite<I>(call: (input: I) => Promise<MeetingDetail>, success?: (m: MeetingDetail, input: I) => string | null) {
  return useWrite(call, { topics: TOPICS, put: putMeeting, success });
}

export const useSaveMeeting = () => useMeetingWrite(api.saveMeeting);
export const useSetMeetingStatus = () =>
  useMeetingWrite(api.setMeetingStatus, (m, input) =>
    input.status === 'held'
      ? `The meeting on ${meetingWhen(m.meeting.startsAt)} is marked as held.`
      : input.status === 'cancelled'
        ? `The meeting on ${meetingWhen(m.meeting.startsAt)} is cancelled.`
        : null,
  );
export const useSaveAgendaItem = () => useMeetingWrite(api.saveAgendaItem);
export const useMoveAgendaItem = () => useMeetingWrite(api.moveAgendaItem);
export const useDeleteAgendaItem = () => useMeetingWrite(api.deleteAgendaItem);
export const useSetAttendance = () => useMeetingWrite(api.setAttendance);
export const useRecordVotes = () => useMeetingWrite(api.recordVotes);
export const useSetResolution = () => useMeetingWrite(api.setResolution);
export const useSaveDeclaration = () => useMeetingWrite(api.saveDeclaration);
export const useDeleteDeclaration = () => useMeetingWrite(api.deleteDeclaration);

export function useSaveAction() {
  return useWrite(api.saveAction, { topics: TOPICS });
}

export function useSaveMinutes() {
  return useWrite(api.saveMinutes, { topics: TOPICS, put: (m, input) => [[minutesKey(input.meetingId), m]], success: () => 'Minutes saved.' });
}

export function useApproveMinutes() {
  return useWrite(api.approveMinutes, { topics: TOPICS, put: (m, input) => [[minutesKey(input.meetingId), m]] });
}
