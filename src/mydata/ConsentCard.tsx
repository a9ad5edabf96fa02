/**
 * 我的信息's two switches (people.setConsent): the person's name on the points board, and their
 * reports' photos shown to neighbours. Each says in plain words what yes and no mean; a switch
 * turns at once and goes back if the server refuses, with its words.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { CONSENT_INFO } from '../core/own-data';
import type { OwnConsent } from '../core/outputs/own-data';
import { Toggle } from '../components/Toggle';
import { isSessionLost } from '../services/api';
import { setConsent } from '../services/own-data';
import { goToLogin } from '../utils/nav';

type Note = { error: boolean; text: string } | null;

export function ConsentCard({ consent, onSaved }: { consent: OwnConsent; onSaved: (after: OwnConsent) => void }) {
  // What the switches show while the server is asked; the page's own (consent) once it answered.
  const [asking, setAsking] = useState<OwnConsent | null>(null);
  const [note, setNote] = useState<Note>(null);
  const shown = asking ?? consent;

  const change = async (key: keyof OwnConsent, on: boolean) => {
    if (asking) return;
    setAsking({ ...consent, [key]: on });
    setNote(null);
    const result = await setConsent({ [key]: on });
    setAsking(null);
    if (result.ok) {
      onSaved(result.data);
      setNote({ error: false, text: '已保存，随时可以再改' });
    } else if (isSessionLost(result)) goToLogin(result.message);
    else setNote({ error: true, text: result.message });
  };

  return (
    <View className='card mydata__section'>
      <Text className='section-title'>我同意别人看到的</Text>
      <Text className='mydata__seen'>这两项由您自己决定，随时可以改。</Text>
      {(['board', 'photos'] as const).map((key) => (
        <View key={key} className='mydata__consent'>
          <Toggle label={CONSENT_INFO[key].label} checked={shown[key]} onChange={(on) => void change(key, on)} />
          <Text className='mydata__seen'>{CONSENT_INFO[key].explain}</Text>
        </View>
      ))}
      {note && <Text className={`message ${note.error ? 'message--error' : 'message--info'}`}>{note.text}</Text>}
    </View>
  );
}
