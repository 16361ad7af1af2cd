import { useState } from 'react';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { useApp } from '../../../renderer/src/state/app-state';
import type { YearInfo } from '../types';
import { AllocationCard } from './AllocationCard';
import { ContributionsCard } from './ContributionsCard';
import { OpeningBalanceCard } from './OpeningBalanceCard';
import { YearStatusDialog } from './YearStatusDialog';
import { YearsCard } from './YearsCard';
import './years.css';

/** Years and funding: the financial years, the earliest year's opening balance, the DSG allocation and contributions to the deficit. */
export default function YearsScreen() {
  const { years, year } = useApp();
  // The year being closed or reopened, as it was when asked: kept while the dialog fades out.
  const [statusFor, setStatusFor] = useState<YearInfo | null>(null);
  const [statusOpen, setStatusOpen] = useState(false);
  const selected = years.find((y) => y.id === year);
  const closed = selected?.status === 'closed';

  return (
    <section className="screen scroll" aria-labelledby="years-title">
      <ScreenHead
        titleId="years-title"
        title="Years and funding"
        sub="Financial years run April to March. A closed year's figures cannot change until it is reopened with a reason."
      />
      <div className="cards">
        <YearsCard
          onChangeStatus={(y) => {
            setStatusFor(y);
            setStatusOpen(true);
          }}
        />
        {selected && (
          <div className="card-stack">
            <ContributionsCard key={`contributions:${selected.id}`} year={selected.id} closed={closed} />
            {selected.isEarliest && <OpeningBalanceCard key={`opening:${selected.id}`} year={selected} />}
          </div>
        )}
        {selected && <AllocationCard key={selected.id} year={selected.id} closed={closed} />}
      </div>
      <YearStatusDialog open={statusOpen} year={statusFor} onClose={() => setStatusOpen(false)} />
    </section>
  );
}
