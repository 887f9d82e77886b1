import { describe, expect, it } from 'vitest';
import { presenterCommand, type KeyInput } from './presenter-keys';

const key = (k: string, over: Partial<KeyInput> = {}): KeyInput => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, inField: false, ...over });

describe('presenter keys', () => {
  it('F5 toggles in and out; arrows and Esc act only while presenting', () => {
    expect(presenterCommand(key('F5'), false)).toBe('toggle');
    expect(presenterCommand(key('F5'), true)).toBe('toggle');
    expect(presenterCommand(key('ArrowRight'), true)).toBe('next');
    expect(presenterCommand(key('ArrowLeft'), true)).toBe('back');
    expect(presenterCommand(key('Escape'), true)).toBe('exit');
    expect(presenterCommand(key('ArrowRight'), false)).toBeNull();
    expect(presenterCommand(key('Escape'), false)).toBeNull();
  });

  it('leaves keys typed into a field, and browser shortcuts, alone', () => {
    expect(presenterCommand(key('ArrowLeft', { inField: true }), true)).toBeNull();
    expect(presenterCommand(key('Escape', { inField: true }), true)).toBeNull();
    expect(presenterCommand(key('F5', { ctrlKey: true }), false)).toBeNull();
    expect(presenterCommand(key('ArrowRight', { altKey: true }), true)).toBeNull();
  });
});
