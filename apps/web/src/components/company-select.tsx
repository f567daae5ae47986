'use client';

import { useT } from './i18n-provider.tsx';
import { inputClass } from './ui/field.tsx';

/** A required `companyId` select that starts on "choose the company". */
export function CompanySelect({
  id,
  companies,
  disabled,
}: {
  id: string;
  companies: { id: string; name: string }[];
  disabled?: boolean;
}) {
  const t = useT();
  return (
    <select
      id={id}
      name="companyId"
      required
      defaultValue=""
      disabled={disabled}
      className={inputClass}
    >
      <option value="" disabled>
        {t('users.companyNone')}
      </option>
      {companies.map((company) => (
        <option key={company.id} value={company.id}>
          {company.name}
        </option>
      ))}
    </select>
  );
}
