// The timeline before there is anything to draw: what it will show (a small example drawn with the
// real arrow component, so it looks exactly like the real thing) and the next step to take.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format';
import { useStore } from '../../store';
import type { TimelineArrow } from './arrow-model';
import { ArrowMark } from './ArrowMark';
import { LaneLines } from './DiagramLayers';
import type { Lanes } from './lanes';
import './timeline-empty.css';
import { SafeText } from '../../components/safe-text/SafeText';

const RECENT = 6;
/** The proxy lane is the app itself: a name, not a word to translate. */
const APP_NAME = 'Framescope';

export function TimelineEmpty() {
  const connections = useStore((s) => s.connections);
  const selectConnection = useStore((s) => s.selectConnection);
  const openControls = useStore((s) => s.openControls);
  const { t } = useTranslation('timeline', { keyPrefix: 'empty' });
  const { t: tl } = useTranslation('timeline');
  const recent = useMemo(() => [...connections.values()].sort((a, b) => b.id - a.id).slice(0, RECENT), [connections]);

  return (
    <div className="tl-empty" data-testid="timeline-empty">
      <ExampleDiagram />
      {recent.length === 0 ? (
        <>
          <h1>{t('title')}</h1>
          <p>{t('body')}</p>
          <p className="tl-empty-next">{t('next')}</p>
          <div className="tl-empty-actions">
            <button className="button primary" onClick={() => openControls('proxy')}>
              {t('startProxy')}
            </button>
            <button className="button" onClick={() => openControls('client')}>
              {t('connectClient')}
            </button>
          </div>
        </>
      ) : (
        <>
          <h1>{t('pickTitle')}</h1>
          <p>{t('pickBody')}</p>
          <ul className="tl-pick" aria-label={t('recentAria')}>
            {recent.map((c) => (
              <li key={c.id}>
                <button className="tl-pick-item" onClick={() => selectConnection(c.id)} data-testid="timeline-pick">
                  <span className={`state-pill ${c.state}`}>{tl(`state.${c.state}`)}</span>
                  <span className="tl-pick-url" translate="no">
                    <SafeText text={c.url} />
                  </span>
                  <span className="muted">{t('frames', { count: c.counters.client.frames + c.counters.server.frames, n: formatCount(c.counters.client.frames + c.counters.server.frames) })}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

const EXAMPLE_LANES: Lanes = { width: 420, height: 236, gutter: 0, client: 40, proxy: 210, server: 380 };

function example(key: string, step: number, from: 'client' | 'server', colourClass: string, marker: TimelineArrow['marker'], label: string, detail = '', injected = false): TimelineArrow {
  return { key, frameId: null, time: step, from, injected, colourClass, marker, label, detail, violations: 0, opcode: null };
}

const EXAMPLE: TimelineArrow[] = [
  example('a', 0, 'client', 'op-http', 'http', 'GET /chat', 'Upgrade: websocket'),
  example('b', 1, 'server', 'op-http', 'http', '101', 'Switching Protocols'),
  example('c', 2, 'client', 'op-text', 'data', 'text · 5 B', '“hello”'),
  example('d', 3, 'server', 'op-text', 'data', 'text · 5 B', '“hello”'),
  example('e', 4, 'client', 'op-ping', 'ping', 'ping · 0 B'),
  example('f', 5, 'server', 'op-pong', 'pong', 'pong · 0 B'),
  example('g', 6, 'client', 'op-close', 'close', 'close · 5 B', '1000 bye'),
  example('h', 7, 'server', 'op-close', 'close', 'close · 2 B', '1000'),
];

function ExampleDiagram() {
  const { t } = useTranslation('timeline', { keyPrefix: 'empty' });
  const y = (step: number) => 28 + step * 27;
  return (
    <svg className="tl-example" viewBox={`0 0 ${EXAMPLE_LANES.width} ${EXAMPLE_LANES.height}`} aria-hidden="true">
      <g className="tl-close-band">
        <rect x={16} width={388} y={y(6) - 18} height={y(7) - y(6) + 26} rx={6} />
      </g>
      <LaneLines lanes={EXAMPLE_LANES} top={16} />
      {EXAMPLE.map((a) => (
        <ArrowMark key={a.key} arrow={a} y={y(a.time)} lanes={EXAMPLE_LANES} origin={0} selected={false} showLabel onSelect={() => undefined} />
      ))}
      <text className="tl-example-lane" x={EXAMPLE_LANES.client} y={10} textAnchor="middle">
        {t('laneClient')}
      </text>
      <text className="tl-example-lane" x={EXAMPLE_LANES.proxy} y={10} textAnchor="middle">
        {APP_NAME}
      </text>
      <text className="tl-example-lane" x={EXAMPLE_LANES.server} y={10} textAnchor="middle">
        {t('laneServer')}
      </text>
    </svg>
  );
}
