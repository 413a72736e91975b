import { Badge, Button, Checkbox, Group, Loader, Modal, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Direction } from '../../../../shared/api';
import { ErrorAlert, useFieldErrors } from '../../components/errors';
import { IconPlus } from '../../components/icons';
import { useNotify } from '../../components/notify';
import { call } from '../../lib/api';
import { categoryLabel } from './labels';
import { useFinanceMutation, useFinanceOptions } from './queries';

function CategoryForm({ category, direction, onClose }: { category: Category | null; direction: Direction; onClose: () => void }) {
  const { t } = useTranslation('finance');
  const notify = useNotify();
  const [dir, setDir] = useState<Direction>(category?.direction ?? direction);
  const [name, setName] = useState(category?.name ?? '');
  const [account, setAccount] = useState(category?.account ?? '');
  const [funded, setFunded] = useState(category?.funded ?? false);
  const save = useFinanceMutation(() => call('finance.saveCategory', { ...(category ? { id: category.id } : {}), direction: dir, name, account, funded }));
  const fe = useFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined, {
      onSuccess: () => {
        notify.success(t('categoriesTab.saved'));
        onClose();
      },
    });
  };
  return (
    <Modal opened onClose={onClose} title={category ? t('categoriesTab.editTitle') : t('categoriesTab.newTitle')} centered closeButtonProps={{ 'aria-label': t('form.cancel') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SegmentedControl
            aria-label={t('categoriesTab.direction')}
            value={dir}
            onChange={(v) => setDir(v as Direction)}
            data={[
              { value: 'expense', label: t('directions.expense') },
              { value: 'income', label: t('directions.income') },
            ]}
          />
          <TextInput
            label={t('categoriesTab.name')}
            description={category?.key ? t('categoriesTab.nameHint') : undefined}
            placeholder={category?.key ? categoryLabel(t, { key: category.key, name: null }) : undefined}
            size="md"
            withAsterisk={!category?.key}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fe('name')}
          />
          <TextInput label={t('categoriesTab.account')} size="md" w={180} withAsterisk value={account} onChange={(e) => setAccount(e.currentTarget.value)} error={fe('account')} inputMode="numeric" />
          {dir === 'income' ? <Checkbox label={t('categoriesTab.funded')} checked={funded} onChange={(e) => setFunded(e.currentTarget.checked)} /> : null}
          {fe('direction') ? (
            <Text c="red.8" size="sm" role="alert">
              {fe('direction')}
            </Text>
          ) : null}
          {save.error && !fe.paths.length ? <ErrorAlert error={save.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Expense categories and kinds of income, each with its account of the plan comptable associatif. */
export function CategoriesTab() {
  const { t } = useTranslation('finance');
  const notify = useNotify();
  const options = useFinanceOptions();
  const [editing, setEditing] = useState<{ category: Category | null; direction: Direction } | null>(null);
  const archive = useFinanceMutation((c: Category) => call('finance.archiveCategory', { id: c.id, archived: !c.archived }));
  if (options.isError) return <ErrorAlert error={options.error} />;
  if (!options.data) return <Loader aria-label={t('tabs.categories')} />;
  const table = (direction: Direction) => (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {direction === 'expense' ? t('categoriesTab.expenses') : t('categoriesTab.income')}
        </Title>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ category: null, direction })}>
          {t('categoriesTab.add')}
        </Button>
      </Group>
      <Table verticalSpacing="xs" data-testid={`categories-${direction}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('categoriesTab.name')}</Table.Th>
            <Table.Th>{t('categoriesTab.account')}</Table.Th>
            <Table.Th className="finance-amount">{t('categoriesTab.lines')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {options.data.categories
            .filter((c) => c.direction === direction)
            .map((c) => {
              const name = categoryLabel(t, c);
              return (
                <Table.Tr key={c.id} c={c.archived ? 'gray.7' : undefined}>
                  <Table.Td>
                    {name}{' '}
                    {c.archived ? (
                      <Badge variant="default" tt="none" size="sm">
                        {t('categoriesTab.archived')}
                      </Badge>
                    ) : null}
                    {c.funded ? (
                      <Text size="xs" c="gray.7">
                        {t('categoriesTab.funded')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{c.account}</Table.Td>
                  <Table.Td className="finance-amount">{c.lineCount}</Table.Td>
                  <Table.Td ta="right">
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="subtle" aria-label={t('categoriesTab.editLabel', { name })} onClick={() => setEditing({ category: c, direction })}>
                        {t('categoriesTab.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color={c.archived ? 'teal' : 'gray'}
                        aria-label={c.archived ? t('categoriesTab.unarchiveLabel', { name }) : t('categoriesTab.archiveLabel', { name })}
                        onClick={() => archive.mutate(c, { onError: notify.error })}
                      >
                        {c.archived ? t('categoriesTab.unarchive') : t('categoriesTab.archive')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
  return (
    <Stack gap="lg">
      <Text c="gray.7" maw={860}>
        {t('categoriesTab.intro')}
      </Text>
      {table('expense')}
      {table('income')}
      {editing ? <CategoryForm category={editing.category} direction={editing.direction} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
