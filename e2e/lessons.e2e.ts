// Every lesson run to the end in Chromium, in English and in Chinese: at each step the check is ✗
// before the student acts and ✓ once the live traffic shows it (real demo servers, proxy, built-in
// client, crafter and lab). The lesson list passes the text audit in zh-CN.
import { describe, expect, it } from 'vitest';
import { LESSONS, visibleSteps } from '../shared/lessons/lessons';
import { useAppSession } from './app-session';
import { pageErrors, screenshot } from './harness';
import { openIn, STUDENT, untranslatedInLessons, verdict } from './lessons-run';
import { DEMO_SERVER_KINDS } from '../shared/api/lab-demos';

const DEMO_KINDS = DEMO_SERVER_KINDS;

describe('the nine lessons on live traffic', () => {
  const session = useAppSession();

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`runs every lesson to the end in ${lang}, each check ✗ before the student acts and ✓ after`, { timeout: 600_000 }, async () => {
      // Each language starts from a quiet capture: the run before left its demo servers up, and the
      // Socket.IO one heartbeats every second through the proxy (a masked client frame, an unmasked
      // server one), which a masking step would see as new frames before the student acts.
      const api = session.app.engine.api;
      for (const demo of await api.demoServerList()) await api.demoServerStop({ kind: demo.kind });
      const page = await session.open('light');
      await openIn(page, session.app.server.url, lang);
      if (lang === 'zh-CN') expect(await untranslatedInLessons(page)).toEqual([]);
      const figures: string[] = [];
      for (const lesson of LESSONS) {
        await page.getByRole('tab', { name: /Lessons|课程/ }).click();
        await page.getByTestId(`lesson-start-${lesson.id}`).click();
        for (const step of visibleSteps(lesson, DEMO_KINDS)) {
          const key = `${lesson.id}/${step.id}`;
          await expect.poll(() => page.getByTestId('lesson-dock').getAttribute('data-step')).toBe(key);
          expect(await verdict(page), `${key} starts ✗`).toBe('waiting');
          const act = STUDENT[key];
          if (!act) throw new Error(`no student act for ${key}`);
          const began = Date.now();
          await act(page);
          await expect
            .poll(() => verdict(page), { timeout: 30_000, message: `${key} turns ✓` })
            .toBe('pass')
            .catch(async (err: unknown) => {
              await screenshot(page, `lesson-failed-${key.replace('/', '-')}-${lang}`);
              console.log(await page.getByTestId('lesson-dock').innerText());
              throw err;
            });
          figures.push(`${key} ${Date.now() - began} ms`);
          // The lab's run would go on loading the machine through the lessons after it.
          if (key === 'transports/upstream') await page.getByTestId('lab-stop').click();
          if (lang === 'zh-CN') {
            expect(await untranslatedInLessons(page), key).toEqual([]);
            if (step.id === lesson.steps[0]!.id) await screenshot(page, `lesson-${lesson.id}-${lang}`);
          }
          await page.getByTestId('lesson-next').click();
        }
        await expect.poll(() => page.getByTestId('lesson-dock').count()).toBe(0);
      }
      console.log(`[lessons ${lang}] ${figures.join(' · ')}`);
      expect(pageErrors(page)).toEqual([]);
    });
  }
});
