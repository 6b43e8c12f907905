/**
 * `GET /healthz`: liveness plus what the hall's monitoring wants to see (catalog size, index version,
 * the store in use). When the store cannot write — a lock held by another process, a full database
 * or disk, a read-only file — it answers 503 with `status: "degraded"` and the reason, so a monitor
 * sees the problem before citizens do.
 */
import { Router } from 'express';
import type { Services } from '../services/services.ts';

const REASON_TEXT: Record<string, string> = {
  store_locked: '数据库被其他进程锁定，暂时无法写入。',
  store_full: '数据库或磁盘已满，无法写入。',
  store_readonly: '数据库文件只读，无法写入。',
  disk_low: '数据目录所在磁盘剩余空间不足。',
  store_error: '数据库写入检查失败。',
};

export function healthRoutes(services: Services): Router {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    const base = {
      items: services.indexInfo.items,
      indexVersion: services.indexInfo.indexVersion,
      store: 'sqlite',
    };
    const health = services.store.checkHealth();
    if (health.ok) {
      response.json({ status: 'ok', ...base });
      return;
    }
    services.logger.warn('health check: store degraded', { reason: health.reason, detail: health.detail });
    response
      .status(503)
      .setHeader('Retry-After', '5')
      .json({ status: 'degraded', reason: health.reason, message: REASON_TEXT[health.reason], ...base });
  });
  return router;
}
