import { Checkbox, NumberInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../../shared/api';
import { DateField } from '../../components/DateField';
import type { CustomValue } from './formModel';

interface Props {
  field: CustomField;
  value: CustomValue | undefined;
  onChange: (v: CustomValue) => void;
  error?: string;
}

/** One of the association's own fields, as the input its type calls for. */
export function CustomFieldInput({ field, value, onChange, error }: Props) {
  const { t } = useTranslation('volunteers');
  const path = `customValues.${field.id}`;
  switch (field.type) {
    case 'boolean':
      return <Checkbox label={field.label} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} error={error} data-path={path} size="md" mt={{ base: 0, sm: 30 }} />;
    case 'number':
      return (
        <NumberInput
          label={field.label}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? null : Number(v))}
          error={error}
          data-path={path}
          hideControls
        />
      );
    case 'date':
      return <DateField label={field.label} value={typeof value === 'string' ? value : ''} onChange={onChange} error={error} data-path={path} />;
    case 'choice': {
      const options = [...field.options];
      // A value chosen before the option was removed stays visible rather than silently vanishing.
      if (typeof value === 'string' && value && !options.includes(value)) options.push(value);
      return (
        <Select
          label={field.label}
          placeholder={t('form.choose')}
          data={options}
          value={typeof value === 'string' && value ? value : null}
          onChange={(v) => onChange(v)}
          clearable
          error={error}
          data-path={path}
        />
      );
    }
    default:
      return <TextInput label={field.label} value={typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value)} onChange={(e) => onChange(e.currentTarget.value)} error={error} data-path={path} />;
  }
}
