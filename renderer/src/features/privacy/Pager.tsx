import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page numbers under a table, with names on the arrow buttons for screen readers. */
export function Pager({ total, pageSize, page, onChange }: { total: number; pageSize: number; page: number; onChange: (page: number) => void }) {
  const { t } = useTranslation('privacy');
  if (total <= pageSize) return null;
  return (
    <Pagination
      total={Math.ceil(total / pageSize)}
      value={page}
      onChange={onChange}
      getControlProps={(control) => ({ 'aria-label': t(`pages.${control}`) })}
      getItemProps={(n) => ({ 'aria-label': t('pages.page', { n }) })}
    />
  );
}
