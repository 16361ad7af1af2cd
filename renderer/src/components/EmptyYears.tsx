import { Button } from '@fluentui/react-components';
import { useNavigate } from 'react-router';

/** What a screen of figures shows before any year exists. */
export function EmptyYears() {
  const navigate = useNavigate();
  return (
    <section className="screen empty">
      <h1>No years yet</h1>
      <p>Add a financial year under Years and funding to start entering budgets and forecasts.</p>
      <Button appearance="primary" onClick={() => navigate('/years')}>
        Go to Years and funding
      </Button>
    </section>
  );
}
