import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * A calm bar chart of hours. Hidden from assistive technology and out of the tab order: the table
 * under it carries the exact figures for every reader.
 */
export default function HoursChart({
  data,
  format,
  number,
  hoursLabel,
}: {
  data: { label: string; minutes: number }[];
  format: (minutes: number) => string;
  number: (n: number) => string;
  hoursLabel: string;
}) {
  const rows = data.map((d) => ({ label: d.label, hours: d.minutes / 60, minutes: d.minutes }));
  return (
    <div aria-hidden="true" style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#343a40' }} interval="preserveStartEnd" />
          <YAxis
            tick={{ fontSize: 12, fill: '#343a40' }}
            width={56}
            allowDecimals={false}
            tickFormatter={(h: number) => number(h)}
            label={{ value: hoursLabel, angle: -90, position: 'insideLeft', fontSize: 12, fill: '#495057' }}
          />
          <Tooltip formatter={(_v, _n, item) => [format((item.payload as { minutes: number }).minutes), hoursLabel]} />
          <Bar dataKey="hours" fill="#0c8599" radius={[4, 4, 0, 0]} maxBarSize={64} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
