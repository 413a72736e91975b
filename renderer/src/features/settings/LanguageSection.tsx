import { SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/api';
import { applyLanguage } from '../../app/i18n';
import { useNotify } from '../../components/notify';
import { useLanguage } from '../../lib/format';
import { SectionHeader } from './SectionHeader';
import { useSetLanguage, useSettingsView } from './api';

/** Switches the language at once and remembers it; a failed save puts the previous one back. */
export function LanguageSection() {
  const { t, i18n } = useTranslation(['common', 'settings', 'setup']);
  const current = useLanguage();
  const { language: saved } = useSettingsView();
  const setLanguage = useSetLanguage();
  const notify = useNotify();

  const choose = (lang: Language) => {
    applyLanguage(lang);
    setLanguage.mutate(
      { language: lang },
      {
        // The confirmation reads in the language just chosen.
        onSuccess: () => notify.success(i18n.getFixedT(lang, 'settings')('language.saved')),
        onError: (err) => {
          applyLanguage(saved ?? current);
          notify.error(err);
        },
      },
    );
  };

  return (
    <Stack gap="lg" maw={560}>
      <SectionHeader title={t('settings:language.title')} intro={t('settings:language.intro')} />
      <SegmentedControl
        size="lg"
        fullWidth
        value={current}
        onChange={(v) => choose(v as Language)}
        aria-label={t('settings:language.label')}
        disabled={setLanguage.isPending}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`common:languages.${l}`) }))}
      />
    </Stack>
  );
}
