import { useEffect, useRef } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { FillStrings } from '../strings/fill-strings';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { flexWrap: 'wrap' },
});

export interface NameTakenDialogProps {
  readonly open: boolean;
  /** The name that is taken (kept while the dialog closes, so its text does not change during the animation). */
  readonly sheetName: string;
  readonly strings: FillStrings;
  readonly onCopy: () => void;
  readonly onReplace: () => void;
  readonly onCancel: () => void;
}

/**
 * Asked before inserting when a sheet of the template's name exists: insert another copy (the default,
 * focused first: nothing is lost) or replace the existing sheet, with the warning that what was typed there is lost.
 */
export function NameTakenDialog({ open, sheetName, strings, onCopy, onReplace, onCancel }: NameTakenDialogProps) {
  const styles = useStyles();
  const safeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) safeButton.current?.focus();
  }, [open]);

  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_event, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{strings.nameTakenTitle}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{strings.nameTakenBody(sheetName)}</Text>
            <Text>{strings.insertCopyHint(sheetName)}</Text>
            <MessageBar intent="warning" politeness="polite">
              <MessageBarBody>{strings.replaceWarning(sheetName)}</MessageBarBody>
            </MessageBar>
          </DialogContent>
          <DialogActions className={styles.actions} fluid>
            <Button ref={safeButton} appearance="primary" onClick={onCopy}>
              {strings.insertCopy}
            </Button>
            <Button appearance="secondary" onClick={onReplace}>
              {strings.replaceSheet}
            </Button>
            <Button appearance="subtle" onClick={onCancel}>
              {strings.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
