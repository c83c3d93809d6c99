// Synthetic people for the demo: common surnames, plain given names, ID numbers that pass the
// GB 11643 check, mobile numbers, and employers. None of them is a real person.
import type { MemberInsurance, PersonCategory } from "@/db/constants";
import { maskIdNumber, maskPhone, type PiiCodec } from "@/db/pii";
import { shanghaiDay } from "../../rules/calendar-day";
import { buildIdNumber } from "../../rules/id-number";
import { type RetirementGroup, retirementDate } from "../../rules/retirement-age";
import type { Random, Weighted } from "./random";

// Roughly in order of frequency; earlier surnames are picked more often.
const SURNAMES = [
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈",
  ..."姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤",
];
const SURNAME_WEIGHTS: Weighted<string> = SURNAMES.map((surname, rank) => [
  surname,
  1 / (1 + rank / 6),
]);
const MALE_GIVEN = [
  ..."伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁浩凯健俊帆旭宇晨建国志文海林峰永东成亮振",
];
const FEMALE_GIVEN = [..."芳娜敏静丽艳娟霞秀玲桂英燕萍红梅琳婷雪慧颖倩洁琴云莉兰丹晶欣悦佳怡蕾"];

const PHONE_PREFIXES =
  "130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 173 177 180 181 182 183 185 186 187 188 189 191 198 199".split(
    " ",
  );

const BRANDS =
  "恒达 华信 盛源 宏远 鑫源 联创 中天 瑞丰 金桥 新锐 嘉禾 永安 天成 博远 汇通 同方 兴业 佳和".split(
    " ",
  );
const INDUSTRIES =
  "机电 物流 建设工程 电子科技 食品 纺织 医药 商贸 物业服务 软件 汽车零部件 餐饮管理 包装材料 新材料 环保科技 信息技术 文化传媒 建材".split(
    " ",
  );
const COMPANY_SUFFIXES: Weighted<string> = [
  ["有限公司", 8],
  ["股份有限公司", 2],
  ["集团有限公司", 1],
];
const INSTITUTIONS = ["第一人民医院", "中心医院", "实验中学", "第二小学", "自来水公司"] as const;

export type Person = {
  name: string;
  idNumber: string;
  phone: string;
  insurance: MemberInsurance;
  tier: string | null;
  employerName: string | null;
};

export type SeedPlace = {
  name: string;
  shortName: string;
  districtCodes: readonly string[];
  // The 职工医保 tier with a personal account where the city has tiers (深圳, 东莞): the one the
  // demo's employees are on, since their enquiries are about that account.
  accountTier: string | null;
};

// Ages by 人员类别 on the day the member first calls: people at work are below their statutory
// retirement age and retirees above it (server/rules/retirement-age.ts, phased in from 2025),
// so a man who called in 2026 may have retired at 60 and a few months; residents (城乡居民医保)
// may be of any adult age.
const AGES: Record<PersonCategory | "resident", readonly [number, number]> = {
  active: [20, 62],
  flexible: [22, 62],
  retired: [50, 85],
  resident: [18, 80],
};

// About three in five women retire from a worker's post (old age 50), the rest at 55.
const FEMALE_WORKER_SHARE = 0.6;

function drawBirthDate(
  random: Random,
  { category }: MemberInsurance,
  male: boolean,
  asOfDay: string,
): string {
  const group: RetirementGroup = male
    ? "male"
    : random.chance(FEMALE_WORKER_SHARE)
      ? "female_worker"
      : "female_cadre";
  const [youngest, oldest] = AGES[category ?? "resident"];
  const asOfYear = Number(asOfDay.slice(0, 4));
  for (;;) {
    const year = asOfYear - random.int(youngest, oldest);
    const month = random.int(1, 12);
    const day = random.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
    const birthDate = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (category === null) return birthDate;
    const retired = retirementDate(birthDate, group) <= asOfDay;
    if (retired === (category === "retired")) return birthDate;
  }
}

export function makePerson(
  random: Random,
  place: SeedPlace,
  insurance: MemberInsurance,
  isTaken: (idNumber: string) => boolean,
  // The day the member first calls: their age and retirement are as of then.
  asOf: Date,
): Person {
  const male = random.chance(0.5);
  const givenChars = male ? MALE_GIVEN : FEMALE_GIVEN;
  const given = random.chance(0.55)
    ? random.pick(givenChars) + random.pick(givenChars)
    : random.pick(givenChars);
  const name = random.weighted(SURNAME_WEIGHTS) + given;

  let idNumber: string;
  do {
    const birthDate = drawBirthDate(random, insurance, male, shanghaiDay(asOf)).replaceAll("-", "");
    // The sequence's last digit is odd for men and even for women.
    const sequence = random.int(0, 49) * 20 + random.int(0, 4) * 2 + (male ? 1 : 0);
    idNumber = buildIdNumber(random.pick(place.districtCodes), birthDate, sequence);
  } while (isTaken(idNumber));

  const phone = random.pick(PHONE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, "0");
  return {
    name,
    idNumber,
    phone,
    insurance,
    tier: insurance.category === "active" ? place.accountTier : null,
    employerName: employerFor(random, place, insurance),
  };
}

function employerFor(random: Random, place: SeedPlace, insurance: MemberInsurance) {
  if (insurance.category !== "active") return null;
  if (random.chance(0.12)) return `${place.name}${random.pick(INSTITUTIONS)}`;
  return `${place.shortName}${random.pick(BRANDS)}${random.pick(INDUSTRIES)}${random.weighted(COMPANY_SUFFIXES)}`;
}

export type ProtectedPersonFields = {
  idNumberHash: string;
  idNumberEncrypted: string;
  idNumberMasked: string;
  phoneHash: string;
  phoneEncrypted: string;
  phoneMasked: string;
  phoneLast4: string;
};

// The stored form of the person's ID number and phone: ciphertext, lookup hash and mask.
export function protectPerson(codec: PiiCodec, person: Person): ProtectedPersonFields {
  return {
    idNumberHash: codec.hash(person.idNumber),
    idNumberEncrypted: codec.encrypt(person.idNumber),
    idNumberMasked: maskIdNumber(person.idNumber),
    phoneHash: codec.hash(person.phone),
    phoneEncrypted: codec.encrypt(person.phone),
    phoneMasked: maskPhone(person.phone),
    phoneLast4: person.phone.slice(-4),
  };
}
