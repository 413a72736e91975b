import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState';

export function NotFound() {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  return (
    <EmptyState
      titleOrder={1}
      title={t('common:notFound.title')}
      description={t('common:notFound.body')}
      action={
        <Button component={Link} to="/volunteers">
          {t('common:notFound.home')}
        </Button>
      }
    />
  );
}
