// The notes' extra demonstrations, each live in this browser: one broadcast to many clients,
// send() queuing faster than the network drains (bufferedAmount), and subprotocol negotiation.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabDemoEndpoints } from '../../../../../shared/api';
import { getClient } from '../../../api/client';
import { BroadcastDemo } from './BroadcastDemo';
import { BufferedAmountDemo } from './BufferedAmountDemo';
import { DemoServersCard } from './DemoServersCard';
import { SubprotocolDemo } from './SubprotocolDemo';
import './demos.css';

export function DemosPanel() {
  const { t } = useTranslation('lab');
  const [endpoints, setEndpoints] = useState<LabDemoEndpoints | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getClient()
      .labDemoStart()
      .then(setEndpoints, (err: Error) => setError(err.message));
  }, []);
  if (error)
    return (
      <p className="lab-error" translate="no">
        {error}
      </p>
    );
  if (!endpoints) return <p className="lab-empty">{t('demos.starting')}</p>;
  return (
    <div className="lab-demos" data-testid="lab-demos">
      <DemoServersCard />
      <BroadcastDemo endpoints={endpoints} />
      <BufferedAmountDemo endpoints={endpoints} />
      <SubprotocolDemo endpoints={endpoints} />
    </div>
  );
}
