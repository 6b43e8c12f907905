/** Small, hand-written catalog and hall fixtures shared by the compose, hall and pre-check tests. */
import {
  itemSchema,
  themeSchema,
  type Catalog,
  type ServiceItem,
} from '../../../../knowledge/catalog/schema.ts';
import { hallSchema, type Hall } from '../../../../knowledge/hall/schema.ts';

export const hall: Hall = hallSchema.parse({
  name: '测试政务服务中心',
  address: '测试市测试区政务路1号',
  hours: '周一至周五 9:00-12:00、13:30-17:30（法定节假日除外）',
  phone: '0531-12345678',
  floors: [
    { floor: 1, name: '一楼', description: '综合咨询、特殊窗口；企业开办专区；自助服务区' },
    { floor: 2, name: '二楼', description: '社会民生专区' },
  ],
  zones: [
    {
      name: '企业开办',
      floor: 1,
      area: '东区',
      windows: ['A01', 'A02', 'A03', 'A04'],
      description: '企业登记和经营许可',
    },
    { name: '社会民生', floor: 2, area: '二楼南区', windows: ['C01', 'C02'] },
  ],
  windows: [
    { id: 'Z01', name: '综合咨询窗口', floor: 1, special: '综合咨询', description: '进门先到这里咨询、取号' },
    {
      id: 'Z02',
      name: '帮办代办窗口',
      floor: 1,
      special: '帮办代办',
      description: '为老年人、残疾人提供免费帮办代办',
    },
    { id: 'Z03', name: '“办不成事”反映窗口', floor: 1, special: '办不成事反映' },
    { id: 'Z04', name: '跨区域通办窗口', floor: 1, special: '跨区域通办' },
    { id: 'A01', name: '企业登记窗口', floor: 1, zone: '企业开办' },
    { id: 'C01', name: '社保窗口', floor: 2, zone: '社会民生' },
  ],
  notes: ['中心东侧设有免费停车场，约80个车位。', '可通过爱山东APP预约取号。'],
});

export const companyItem: ServiceItem = itemSchema.parse({
  id: 'QYKB-001',
  name: '企业设立登记',
  aliases: ['注册公司', '开公司'],
  type: '行政许可',
  department: '测试区行政审批服务部',
  zone: '企业开办',
  window: 'A01-A04',
  kind: '承诺件',
  legalDays: 15,
  promisedDays: 1,
  commitment: false,
  visits: 0,
  online: '全程网办',
  fee: '不收费',
  conditions: ['申请人为依法设立公司的股东或发起人', '有符合规定的住所（经营场所）'],
  materials: [
    { name: '公司登记（备案）申请书', form: '原件', copies: 1, required: '必要', note: '可在线填写生成' },
    { name: '公司章程', form: '原件', copies: 1, required: '必要' },
    {
      name: '股东的主体资格证明',
      form: '复印件',
      copies: 1,
      required: '必要',
      exempt: '股东为自然人的，通过身份核验获取，免提交',
    },
    { name: '住所（经营场所）使用证明', form: '复印件', copies: 1, required: '容缺' },
    {
      name: '委托代理人身份证明及授权委托书',
      form: '原件',
      copies: 1,
      required: '情形',
      when: '委托他人代为办理的',
    },
    {
      name: '前置审批许可文件',
      form: '复印件',
      copies: 1,
      required: '情形',
      when: '经营范围涉及须报经批准的项目',
    },
  ],
  process: ['网上或窗口申请', '受理', '审查', '决定', '发放营业执照'],
  basis: ['《中华人民共和国市场主体登记管理条例》第三条'],
  onlineUrl: '山东省政务服务网“企业开办一网通办”专区',
  themes: ['企业开办一件事'],
});

export const socialCardItem: ServiceItem = itemSchema.parse({
  id: 'SHMS-001',
  name: '社会保障卡申领',
  aliases: ['办社保卡'],
  type: '公共服务',
  department: '测试区人力资源和社会保障局',
  zone: '社会民生',
  window: 'C01',
  kind: '即办件',
  legalDays: 0,
  promisedDays: 0,
  commitment: true,
  visits: 1,
  online: '网上预审',
  fee: '首次申领不收费；补换卡按规定收取工本费',
  materials: [
    { name: '居民身份证', form: '原件', copies: 1, required: '必要' },
    { name: '居民户口簿', form: '原件及复印件', copies: 1, required: '必要' },
    { name: '近期免冠彩色证件照片', form: '电子材料', copies: 0, required: '必要' },
    { name: '结婚证', form: '复印件', copies: 1, required: '情形', when: '随配偶迁入落户的' },
  ],
  phone: '0531-87654321',
});

/** A 行政给付 item whose record gives no amount (as in most catalogs) and no phone of its own. */
export const allowanceItem: ServiceItem = itemSchema.parse({
  id: 'SHMS-090',
  name: '高龄津贴申领',
  aliases: ['高龄补贴'],
  type: '行政给付',
  department: '测试区民政局',
  zone: '社会民生',
  window: 'C02',
  kind: '承诺件',
  legalDays: 20,
  promisedDays: 10,
  visits: 0,
  online: '全程网办',
  fee: '不收费',
  conditions: ['具有本区户籍', '年满80周岁'],
  materials: [
    {
      name: '居民身份证',
      form: '原件',
      copies: 1,
      required: '必要',
      exempt: '居民身份证通过人脸识别实名核验，免提交复印件',
    },
    {
      name: '近期免冠彩色照片',
      form: '电子材料',
      copies: 0,
      required: '必要',
      exempt: '窗口可免费现场拍摄',
    },
    { name: '本人银行结算账户', form: '复印件', copies: 1, required: '必要' },
    { name: '代办人身份证明', form: '原件', copies: 1, required: '情形', when: '由家属代为申请的' },
  ],
  process: ['申请', '审核', '公示', '发放'],
});

export const catalog: Catalog = {
  version: 'test-1',
  hall: { name: hall.name, address: hall.address, hours: hall.hours, phone: hall.phone },
  items: [companyItem, socialCardItem],
  themes: [themeSchema.parse({ id: 'TH-01', name: '企业开办一件事', items: ['QYKB-001'], window: 'A01' })],
};
