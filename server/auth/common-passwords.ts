// Passwords that show up again and again in published leak lists, international and Chinese
// (number runs, keyboard walks, pinyin such as woaini and 5201314, "admin" variants, the
// agency's own words). Lower-case; the policy compares case-insensitively. Short entries stay
// listed so the check does not depend on the length rule. Kept as one string, split once, so
// the list stays compact in the browser bundle that validates the password form.
const LIST = `
123456 123456789 12345678 password 111111 123123 12345 1234567890 1234567 qwerty abc123 000000
666666 888888 1234 5201314 woaini1314 iloveyou 123321 654321 7758521 a123456 qq123456 1qaz2wsx
woaini 147258369 112233 a123456789 aa123456 123654 5211314 1314520 woaini520 password1 admin
admin123 root 123qwe qwe123 asd123 zxc123 abc12345 asdfgh zxcvbnm 987654321 159357 147258 258369
123abc 11111111 88888888 66666666 00000000 12341234 woaini123 aini1314 wodemima mima1234
nihao123 zhongguo china123 baidu123 taobao123 dragon monkey letmein sunshine princess football
baseball welcome master shadow superman michael qazwsx 1q2w3e4r 1q2w3e4r5t qwer1234 asdf1234
zxcv1234 passw0rd p@ssw0rd admin888 admin@123 test1234 abcd1234 123456789012 1234567890123
12345678901234 123456789123 1234567891011 123456789000 12345678910 123456123456 123123123123
111111111111 000000000000 888888888888 666666666666 999999999999 111111222222 112233445566
121212121212 123412341234 123321123321 147258369123 147258369147 147258369000 147852369852
159357159357 159753159753 987654321000 987654321098 098765432112 098765432109 123654789012
123654789654 741852963741 963852741963 321321321321 qwertyuiop12 qwertyuiop123 qwertyuiop1234
qwertyuiopasdf qwertyuiopasdfghjkl qwertyuiopas 1q2w3e4r5t6y 1q2w3e4r5t6y7u 1q2w3e4r5t6y7u8i
q1w2e3r4t5y6 1qaz2wsx3edc 1qaz2wsx3edc4rfv 1qazxsw23edc zaq12wsxcde3 zaq1xsw2cde3 qazwsxedcrfv
qazxswedcvfr !qaz2wsx#edc 1qaz@wsx3edc 1qaz!qaz2wsx !qaz@wsx#edc qwerasdfzxcv asdfqwerzxcv
1234qwerasdf 1234qwerasdfzxcv qwer1234asdf asdfghjkl123 asdfghjkl1234 asdfghjkl;'' zxcvbnm12345
zxcvbnm123456 zxcvbnmasdfg qweasdzxc123 qweasdzxc1234 qweasdzxc123456 qwe123qwe123 asd123asd123
zxc123zxc123 abc123abc123 abcabc123123 qwerty123456 qwerty1234567 qwerty12345678 qwertyqwerty
1234567890qwe qwe1234567890 asd1234567890 zxc1234567890 1234567890abc 1234567890asd
1234567890zxc abc1234567890 abc123456789 abcd12345678 12345678abcd abcdefg12345 abcdefghijkl
abcdefghijklm a12345678910 a123456789012 aa123456789012 aa1234567890 aaaaaa123456 aaaaaaaaaaaa
a1b2c3d4e5f6 a1s2d3f4g5h6 z1x2c3v4b5n6 1a2b3c4d5e6f aa123456aa123456 aaa111222333
passwordpassword password1234 password12345 password123456 password123! password@123
password2024 password2025 password2026 p@ssw0rd1234 p@ssword1234 passw0rd1234 passw0rd123456
pass12345678 pass@1234567 mypassword123 mypassword1234 iloveyou1234 iloveyou12345 iloveyou123456
iloveyou5201314 iloveyou1314 iloveyouforever woaini1314520 woaini5201314 woaini521521
woaini123456 woaini1234567 woaini12345678 woaini520520 woaini13145201 woainimama123 woainibaobao
woaiwojia123 woaiwojia1234 woaizhongguo woaiwolaopo woaiwolaogong 5201314woaini 1314520woaini
5201314520 520131452013 52013145201314 5201314123456 1314520520 13145201314 1314521521
5211314521 77585211314 7758521123456 775852100000 aini1314520 aini5201314 wodemima1234
wodemima123456 mima12345678 mimamima1234 mima123456789 nihao1234567 nihaoma12345 nihao123456789
zhongguo1234 zhongguo123456 zhongguoren123 china1234567 china123456789 beijing12345
beijing123456 shanghai1234 shanghai123456 guangzhou1234 shenzhen1234 chengdu12345 huawei123456
xiaomi123456 tencent12345 qq1234567890 qq123456789012 baidu1234567 taobao123456 wangyi123456
weixin123456 zhifubao1234 alipay123456 wang1234567890 wang123456789 zhang123456789
zhang1234567890 li123456789012 liu123456789 chen123456789 yang123456789 zhao123456789
huang123456789 zhou123456789 wu1234567890 xu1234567890 sun123456789 ma1234567890 zhu123456789
woshishui123 woshinidie123 wozhidaole123 yiersansiwu12 yijiujiujiu99 19491001abcd 201314201314
198811223344 199012345678 200012345678 201212345678 123456789abc 123456789qwe 123456789asd
123456789zxc 123456789aaa 123456789a12 1234567890aa abcd1234abcd 1234abcd1234 1234abcdabcd
admin1234567 admin12345678 admin123456789 administrator administrator1 adminadmin123
admin@123456 admin@1234567 adminpassword admin123admin root12345678 root123456789 rootroot1234
rootpassword system123456 sysadmin1234 superadmin123 manager12345 manager123456 test12345678
test123456789 testtest1234 guest1234567 user12345678 user123456789 welcome12345 welcome123456
welcome@1234 letmein12345 letmein123456 changeme1234 changeme123456 sunshine1234 sunshine12345
football1234 baseball1234 basketball12 basketball123 dragon123456 monkey123456 princess1234
starwars1234 superman1234 batman123456 pokemon12345 michael12345 jennifer1234 charlie12345
computer1234 computer12345 internet1234 trustno11234 whatever1234 freedom12345 iloveme12345
lovelove1234 loveyou12345 hello1234567 hello123456789 helloworld12 helloworld123 helloworld1234
goodluck1234 happy1234567 happyday1234 qwerty!@#$%^ !@#$%^&*()_+ 1234!@#$qwer 1q2w3e!q@w#e
aa123456!@#$ aa123456@123 aa12345678@@ aa1234567890@ abc@12345678 abcd@1234567 abc123456789!
a12345678!@# aa111111aa111111 qq12345678910 wx1234567890 balance12345 yibao1234567
yibao123456789 shebao123456 shebao1234567 gongjijin123 yiliaobaoxian 12393123456789
12345123456789 123451234512345 zhanghao12345 yonghu123456 jingban123456 kezhang123456`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
