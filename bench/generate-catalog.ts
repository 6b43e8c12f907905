/**
 * A large synthetic catalog for benchmarks: deterministic (same count and seed, same file), every
 * item valid against the catalog schema and shaped like a real one — a department, the object it
 * regulates, an action on it (新办/变更/延续/注销/补证/备案) and an applicant scope — so that
 * tokenisation and index sizes resemble production rather than random text.
 *
 * CLI: `npx tsx bench/generate-catalog.ts --count 10000 --out /tmp/catalog-10k.json`
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ServiceItem, Zone } from '../knowledge/catalog/schema.ts';

interface Department {
  name: string;
  zone: Zone;
  windowPrefix: string;
  objects: string[];
}

const DEPARTMENTS: Department[] = [
  {
    name: '市场监督管理局',
    zone: '企业开办',
    windowPrefix: 'A',
    objects: [
      '食品经营',
      '食品生产',
      '药品零售',
      '医疗器械经营',
      '特种设备使用',
      '计量器具',
      '工业产品生产',
      '化妆品经营',
      '广告发布',
      '商标质押',
    ],
  },
  {
    name: '住房和城乡建设局',
    zone: '工程建设',
    windowPrefix: 'E',
    objects: [
      '建筑工程施工',
      '燃气经营',
      '商品房预售',
      '物业服务',
      '建筑起重机械使用',
      '城市排水',
      '房屋安全鉴定',
      '施工图审查',
      '人防工程',
      '园林绿化',
    ],
  },
  {
    name: '人力资源和社会保障局',
    zone: '社会民生',
    windowPrefix: 'C',
    objects: [
      '职业技能培训',
      '人力资源服务',
      '劳务派遣经营',
      '职业技能等级',
      '工伤认定',
      '社会保险登记',
      '养老保险关系',
      '就业见习基地',
      '技工学校',
      '特殊工时',
    ],
  },
  {
    name: '民政局',
    zone: '社会民生',
    windowPrefix: 'C',
    objects: [
      '社会团体',
      '民办非企业单位',
      '养老机构',
      '殡葬服务',
      '地名命名',
      '慈善组织',
      '低保对象',
      '特困供养',
      '临时救助',
      '残疾人两项补贴',
    ],
  },
  {
    name: '交通运输局',
    zone: '企业开办',
    windowPrefix: 'A',
    objects: [
      '道路货物运输',
      '道路旅客运输',
      '出租汽车经营',
      '机动车维修',
      '驾驶员培训',
      '港口经营',
      '超限运输车辆',
      '公路占用',
      '网约车经营',
      '危险货物运输',
    ],
  },
  {
    name: '卫生健康局',
    zone: '社会民生',
    windowPrefix: 'C',
    objects: [
      '医疗机构执业',
      '医师执业',
      '护士执业',
      '公共场所卫生',
      '放射诊疗',
      '母婴保健技术服务',
      '消毒产品生产',
      '饮用水供水',
      '职业病诊断',
      '托育机构',
    ],
  },
  {
    name: '自然资源和规划局',
    zone: '不动产',
    windowPrefix: 'D',
    objects: [
      '建设用地规划',
      '建设工程规划',
      '乡村建设规划',
      '不动产首次',
      '不动产转移',
      '不动产抵押',
      '采矿权',
      '测绘资质',
      '临时用地',
      '林木采伐',
    ],
  },
  {
    name: '文化广电旅游局',
    zone: '企业开办',
    windowPrefix: 'A',
    objects: [
      '娱乐场所经营',
      '网吧经营',
      '营业性演出',
      '出版物零售',
      '印刷经营',
      '旅行社设立',
      '广播电视节目制作',
      '文物修缮',
      '游艺场所',
      '艺术品经营',
    ],
  },
  {
    name: '税务局',
    zone: '税务服务',
    windowPrefix: 'B',
    objects: [
      '发票领用',
      '税务登记',
      '增值税一般纳税人',
      '出口退税',
      '跨区域涉税事项',
      '税收优惠',
      '契税',
      '房产税',
      '印花税',
      '个人所得税',
    ],
  },
  {
    name: '公安局',
    zone: '社会民生',
    windowPrefix: 'C',
    objects: [
      '居民身份证',
      '户口迁移',
      '居住证',
      '犬只登记',
      '旅馆业特种行业',
      '保安服务',
      '剧毒化学品购买',
      '大型活动安全',
      '机动车登记',
      '驾驶证',
    ],
  },
  {
    name: '农业农村局',
    zone: '社会民生',
    windowPrefix: 'C',
    objects: [
      '渔业捕捞',
      '农药经营',
      '种子生产经营',
      '兽药经营',
      '动物防疫条件',
      '生猪定点屠宰',
      '农村宅基地',
      '拖拉机登记',
      '水产苗种生产',
      '肥料登记',
    ],
  },
  {
    name: '生态环境局',
    zone: '工程建设',
    windowPrefix: 'E',
    objects: [
      '排污许可',
      '环境影响评价',
      '危险废物经营',
      '辐射安全',
      '建设项目环保验收',
      '固体废物转移',
      '噪声排放',
      '机动车排放检验',
      '环境监测',
      '废弃电器处理',
    ],
  },
];

const ACTIONS: Array<{
  suffix: string;
  type: ServiceItem['type'];
  kind: ServiceItem['kind'];
  extra: string[];
}> = [
  { suffix: '许可（新办）', type: '行政许可', kind: '承诺件', extra: ['场所使用证明', '管理制度文本'] },
  { suffix: '许可（变更）', type: '行政许可', kind: '即办件', extra: ['变更事项证明材料', '原许可证件'] },
  { suffix: '许可（延续）', type: '行政许可', kind: '承诺件', extra: ['原许可证件', '延续期间经营情况说明'] },
  { suffix: '许可（注销）', type: '行政许可', kind: '即办件', extra: ['原许可证件'] },
  { suffix: '证件补发', type: '公共服务', kind: '即办件', extra: ['遗失声明'] },
  { suffix: '备案', type: '行政备案', kind: '即办件', extra: ['备案信息表'] },
  { suffix: '登记', type: '行政确认', kind: '承诺件', extra: ['登记申请表', '权属证明材料'] },
  { suffix: '核准', type: '其他行政权力', kind: '承诺件', extra: ['方案说明', '相关合同'] },
];

const SCOPES = [
  '',
  '（个人）',
  '（企业）',
  '（个体工商户）',
  '（连锁企业）',
  '（外商投资企业）',
  '（分支机构）',
  '（农村集体经济组织）',
  '（社会组织）',
  '（事业单位）',
  '（乡镇）',
  '（街道）',
  '（跨区域）',
  '（告知承诺）',
];
const ONLINE: ServiceItem['online'][] = ['全程网办', '网上预审', '线下办理'];

/** Small deterministic PRNG (mulberry32), so a seed always yields the same catalog. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedCatalog {
  version: string;
  hall: { name: string; address: string; hours: string; phone: string };
  items: ServiceItem[];
  themes: [];
}

/** `count` distinct items; throws beyond the number of distinct combinations (13,440). */
export function generateCatalog(count: number, seed = 1): GeneratedCatalog {
  const combinations: Array<[Department, string, (typeof ACTIONS)[number], string]> = [];
  for (const scope of SCOPES) {
    for (const department of DEPARTMENTS) {
      for (const object of department.objects) {
        for (const action of ACTIONS) combinations.push([department, object, action, scope]);
      }
    }
  }
  if (count > combinations.length) {
    throw new RangeError(`at most ${combinations.length} distinct items can be generated`);
  }
  const next = random(seed);
  const items: ServiceItem[] = [];
  for (let index = 0; index < count; index += 1) {
    const [department, object, action, scope] = combinations[index];
    const legalDays = action.kind === '即办件' ? 1 : [5, 10, 15, 20, 30][Math.floor(next() * 5)];
    const online = ONLINE[Math.floor(next() * ONLINE.length)];
    const window = `${department.windowPrefix}${String(1 + Math.floor(next() * 8)).padStart(2, '0')}`;
    items.push({
      id: `GEN-${String(index + 1).padStart(5, '0')}`,
      name: `${object}${action.suffix}${scope}`,
      aliases: [],
      type: action.type,
      department: `清溪县${department.name}`,
      zone: department.zone,
      window,
      kind: action.kind,
      legalDays,
      promisedDays: Math.floor(legalDays / 2),
      commitment: scope === '（告知承诺）',
      visits: online === '全程网办' ? 0 : 1,
      online,
      fee: next() < 0.85 ? '不收费' : '按规定标准收取工本费',
      conditions: [
        `申请人符合${object}相关法律法规规定的条件`,
        `${scope === '（个人）' ? '申请人具有完全民事行为能力' : '申请单位依法设立'}`,
      ],
      materials: [
        {
          name: `${object}${action.suffix.replace(/[（）]/g, '')}申请表`,
          form: '原件',
          copies: 1,
          required: '必要',
        },
        {
          name: scope === '（个人）' ? '居民身份证' : '营业执照或统一社会信用代码证明',
          form: '原件',
          copies: 1,
          required: '必要',
          exempt: true,
          exemptNote: '可通过电子证照核验',
        },
        ...action.extra.map((name) => ({
          name,
          form: '复印件',
          copies: 1,
          required: (next() < 0.2 ? '容缺' : '必要') as '必要' | '容缺',
        })),
      ],
      process: action.kind === '即办件' ? ['申请', '受理', '办结'] : ['申请', '受理', '审查', '决定', '送达'],
      basis: [`《${object.slice(0, 2)}管理条例》（示例）`],
      hours: '周一至周五 9:00-17:00',
      themes: [],
      updatedAt: '2025-01-01',
    });
  }
  return {
    version: `generated-${count}-${seed}`,
    hall: {
      name: '基准测试用行政服务中心',
      address: '示例地址',
      hours: '周一至周五 9:00-17:00',
      phone: '0000-0000000',
    },
    items,
    themes: [],
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  const catalog = generateCatalog(Number(values.count), Number(values.seed));
  const text = `${JSON.stringify(catalog)}\n`;
  if (values.out) await writeFile(values.out, text);
  else process.stdout.write(text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  });
}
