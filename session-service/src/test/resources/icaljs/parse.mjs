// ical-2.2.1.mjs is ical.js 2.2.1 (npm, dist/ical.js; MPL-2.0, see LICENSE), kept here so tests need no network.
// Reads an iCalendar object on stdin and prints what ical.js (Thunderbird's parser) makes of it, as JSON.
// Time zones are not registered globally: each TZID must resolve through the calendar's own VTIMEZONE.
import ICAL from './ical-2.2.1.mjs';

let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (text += chunk));
process.stdin.on('end', () => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const zone = e.startDate.zone;
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      location: e.location,
      sequence: e.sequence,
      status: v.getFirstPropertyValue('status'),
      dtstamps: v.getAllProperties('dtstamp').length,
      zone: zone ? zone.tzid : null,
      start: new Date(e.startDate.toUnixTime() * 1000).toISOString(),
      end: new Date(e.endDate.toUnixTime() * 1000).toISOString(),
    };
  });
  process.stdout.write(JSON.stringify({ method: calendar.getFirstPropertyValue('method'), zones, events }));
});
